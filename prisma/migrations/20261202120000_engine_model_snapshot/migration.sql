-- AlterTable
ALTER TABLE `Image` ADD COLUMN `modelRequested` VARCHAR(128) NULL;

-- Images made before this column asked for the id they recorded (the configured one, since the
-- Images API names no model in its response); seeds were made by no engine and stay NULL.
UPDATE `Image` SET `modelRequested` = `model` WHERE `provider` <> 'bundled';

-- CreateTable
CREATE TABLE `EngineFailure` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `service` VARCHAR(32) NOT NULL,
    `code` VARCHAR(64) NOT NULL,
    `detail` VARCHAR(500) NOT NULL,
    `count` INTEGER NOT NULL DEFAULT 1,
    `firstAt` DATETIME(3) NOT NULL,
    `lastAt` DATETIME(3) NOT NULL,
    `resolvedAt` DATETIME(3) NULL,

    UNIQUE INDEX `EngineFailure_service_code_key`(`service`, `code`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
