-- CreateTable: every submission of an attempt to the day's vote and every withdrawal of one,
-- append-only, written in the same transaction as the status change. Submissions made before
-- this migration have no event: Image.submittedAt still says when they joined the vote.
CREATE TABLE `SubmissionEvent` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `imageId` INTEGER NOT NULL,
    `userId` INTEGER NOT NULL,
    `dayId` INTEGER NOT NULL,
    `action` ENUM('SUBMIT', 'WITHDRAW') NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `SubmissionEvent_imageId_idx`(`imageId`),
    INDEX `SubmissionEvent_userId_idx`(`userId`),
    INDEX `SubmissionEvent_dayId_idx`(`dayId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `SubmissionEvent` ADD CONSTRAINT `SubmissionEvent_imageId_fkey` FOREIGN KEY (`imageId`) REFERENCES `Image`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `SubmissionEvent` ADD CONSTRAINT `SubmissionEvent_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `SubmissionEvent` ADD CONSTRAINT `SubmissionEvent_dayId_fkey` FOREIGN KEY (`dayId`) REFERENCES `Day`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
