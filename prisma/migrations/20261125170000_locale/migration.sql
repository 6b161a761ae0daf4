-- AlterTable
ALTER TABLE `Image` ADD COLUMN `locale` VARCHAR(8) NULL;

-- AlterTable
ALTER TABLE `Vote` ADD COLUMN `locale` VARCHAR(8) NULL;
