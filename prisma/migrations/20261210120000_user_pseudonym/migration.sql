-- AlterTable: a person is shown by the name they gave or, without one, by a pseudonym whose tag is
-- stored here and which each language words for itself ("Participant 3F09A2" in English).
ALTER TABLE `User` MODIFY `displayName` VARCHAR(60) NULL,
    ADD COLUMN `pseudonym` VARCHAR(6) NULL;

-- Accounts made before this column kept the English "Participant <tag>" as their display name.
UPDATE `User` SET `pseudonym` = SUBSTRING(`displayName`, 13), `displayName` = NULL
WHERE CAST(`displayName` AS BINARY) REGEXP '^Participant [0-9A-F]{6}$';
