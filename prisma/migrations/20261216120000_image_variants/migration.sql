-- AlterTable
ALTER TABLE `Image` ADD COLUMN `variants` VARCHAR(255) NULL;
