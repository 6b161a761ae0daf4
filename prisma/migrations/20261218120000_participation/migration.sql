-- CreateTable: where each crowd participant arrived from (Prolific study and session, MTurk HIT,
-- assignment and submit origin) and their completion, issued once. Completion codes used to be
-- derived for every account and shown to anyone who met the requirements at that moment; from
-- here on only an issued code (completedAt set) is shown or exported.
CREATE TABLE `Participation` (
    `userId` INTEGER NOT NULL,
    `platform` ENUM('PROLIFIC', 'MTURK') NULL,
    `studyId` VARCHAR(64) NULL,
    `sessionId` VARCHAR(64) NULL,
    `hitId` VARCHAR(64) NULL,
    `assignmentId` VARCHAR(64) NULL,
    `submitTo` VARCHAR(255) NULL,
    `arrivedAt` DATETIME(3) NULL,
    `completedAt` DATETIME(3) NULL,
    `completionCode` VARCHAR(16) NULL,

    PRIMARY KEY (`userId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `Participation` ADD CONSTRAINT `Participation_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
