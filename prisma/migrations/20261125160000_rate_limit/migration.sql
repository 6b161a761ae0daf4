-- CreateTable
CREATE TABLE `RateLimit` (
    `bucket` VARCHAR(191) NOT NULL,
    `windowStart` DATETIME(3) NOT NULL,
    `hits` INTEGER NOT NULL,

    INDEX `RateLimit_windowStart_idx`(`windowStart`),
    PRIMARY KEY (`bucket`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
