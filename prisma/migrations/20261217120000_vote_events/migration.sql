-- CreateTable: every cast, switch and retraction of a vote, append-only, written in the vote's
-- own transaction. Votes cast before this migration have no events: their history was not kept.
CREATE TABLE `VoteEvent` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `userId` INTEGER NOT NULL,
    `imageId` INTEGER NOT NULL,
    `dayId` INTEGER NOT NULL,
    `previous` TINYINT NOT NULL,
    `value` TINYINT NOT NULL,
    `position` INTEGER NULL,
    `talliesVisible` BOOLEAN NOT NULL,
    `locale` VARCHAR(8) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `VoteEvent_dayId_idx`(`dayId`),
    INDEX `VoteEvent_imageId_idx`(`imageId`),
    INDEX `VoteEvent_userId_idx`(`userId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `VoteEvent` ADD CONSTRAINT `VoteEvent_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `VoteEvent` ADD CONSTRAINT `VoteEvent_imageId_fkey` FOREIGN KEY (`imageId`) REFERENCES `Image`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `VoteEvent` ADD CONSTRAINT `VoteEvent_dayId_fkey` FOREIGN KEY (`dayId`) REFERENCES `Day`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
