-- CreateTable: which submissions each voter was shown, where, and whether the exposure-balanced
-- sample chose them (one row per voter and image, the first showing kept).
CREATE TABLE `Exposure` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `userId` INTEGER NOT NULL,
    `imageId` INTEGER NOT NULL,
    `dayId` INTEGER NOT NULL,
    `position` INTEGER NOT NULL,
    `sampled` BOOLEAN NOT NULL DEFAULT false,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `Exposure_dayId_imageId_idx`(`dayId`, `imageId`),
    INDEX `Exposure_imageId_idx`(`imageId`),
    UNIQUE INDEX `Exposure_userId_imageId_key`(`userId`, `imageId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable: each voter's exposure-balanced sample of a day, kept across pages and reloads.
CREATE TABLE `VoteSample` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `userId` INTEGER NOT NULL,
    `dayId` INTEGER NOT NULL,
    `imageIds` TEXT NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `VoteSample_dayId_idx`(`dayId`),
    UNIQUE INDEX `VoteSample_userId_dayId_key`(`userId`, `dayId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `Exposure` ADD CONSTRAINT `Exposure_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Exposure` ADD CONSTRAINT `Exposure_imageId_fkey` FOREIGN KEY (`imageId`) REFERENCES `Image`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Exposure` ADD CONSTRAINT `Exposure_dayId_fkey` FOREIGN KEY (`dayId`) REFERENCES `Day`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `VoteSample` ADD CONSTRAINT `VoteSample_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `VoteSample` ADD CONSTRAINT `VoteSample_dayId_fkey` FOREIGN KEY (`dayId`) REFERENCES `Day`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
