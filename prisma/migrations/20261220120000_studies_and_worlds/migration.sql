-- Studies and worlds: each study runs one or more worlds side by side, each with its own days
-- and lineage. What existed before becomes study 1's only world: its days move into world 1,
-- its first seed is the seed of the earliest day, and every existing account is assigned to it
-- (method MIGRATED), so every page and export reads as it did.

-- CreateTable
CREATE TABLE `Study` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `name` VARCHAR(80) NOT NULL,
    `status` ENUM('RUNNING', 'ENDED') NOT NULL DEFAULT 'RUNNING',
    `startedAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `endedAt` DATETIME(3) NULL,

    INDEX `Study_status_idx`(`status`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `World` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `studyId` INTEGER NOT NULL,
    `position` INTEGER NOT NULL,
    `name` VARCHAR(60) NOT NULL,
    `weight` INTEGER NOT NULL DEFAULT 1,
    `firstSeedImageId` INTEGER NULL,
    `conditions` TEXT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `World_firstSeedImageId_idx`(`firstSeedImageId`),
    UNIQUE INDEX `World_studyId_position_key`(`studyId`, `position`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Assignment` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `userId` INTEGER NOT NULL,
    `studyId` INTEGER NOT NULL,
    `worldId` INTEGER NOT NULL,
    `method` ENUM('RANDOM', 'LINK', 'MIGRATED') NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `Assignment_studyId_worldId_idx`(`studyId`, `worldId`),
    INDEX `Assignment_worldId_idx`(`worldId`),
    UNIQUE INDEX `Assignment_userId_studyId_key`(`userId`, `studyId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `AssignmentBlock` (
    `studyId` INTEGER NOT NULL,
    `number` INTEGER NOT NULL,
    `remaining` TEXT NOT NULL,
    `updatedAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`studyId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- The first study and its one world, from the timeline as it stands.
INSERT INTO `Study` (`id`, `name`, `status`, `startedAt`)
VALUES (1, 'Study 1', 'RUNNING', COALESCE((SELECT MIN(`openedAt`) FROM `Day`), CURRENT_TIMESTAMP(3)));
INSERT INTO `World` (`id`, `studyId`, `position`, `name`, `weight`, `firstSeedImageId`)
VALUES (1, 1, 1, 'World 1', 1, (SELECT `seedImageId` FROM `Day` ORDER BY `date` ASC, `id` ASC LIMIT 1));
INSERT INTO `Assignment` (`userId`, `studyId`, `worldId`, `method`, `createdAt`)
SELECT `id`, 1, 1, 'MIGRATED', `createdAt` FROM `User`;

-- AlterTable: every day belongs to a world; one day per world and date.
ALTER TABLE `Day` ADD COLUMN `worldId` INTEGER NULL;
UPDATE `Day` SET `worldId` = 1;
ALTER TABLE `Day` MODIFY `worldId` INTEGER NOT NULL;
CREATE UNIQUE INDEX `Day_worldId_date_key` ON `Day`(`worldId`, `date`);
DROP INDEX `Day_date_key` ON `Day`;

-- AddForeignKey
ALTER TABLE `Day` ADD CONSTRAINT `Day_worldId_fkey` FOREIGN KEY (`worldId`) REFERENCES `World`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `World` ADD CONSTRAINT `World_studyId_fkey` FOREIGN KEY (`studyId`) REFERENCES `Study`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `World` ADD CONSTRAINT `World_firstSeedImageId_fkey` FOREIGN KEY (`firstSeedImageId`) REFERENCES `Image`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Assignment` ADD CONSTRAINT `Assignment_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Assignment` ADD CONSTRAINT `Assignment_studyId_fkey` FOREIGN KEY (`studyId`) REFERENCES `Study`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Assignment` ADD CONSTRAINT `Assignment_worldId_fkey` FOREIGN KEY (`worldId`) REFERENCES `World`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `AssignmentBlock` ADD CONSTRAINT `AssignmentBlock_studyId_fkey` FOREIGN KEY (`studyId`) REFERENCES `Study`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
