-- The herding condition each day was played under, recorded when it closes (lib/worlds/conditions.ts,
-- conditionLabel), so exports can say which condition every image, vote and event belongs to even
-- after a world's conditions or the settings changed. Days closed before this column existed keep
-- it empty: what they were played under is in the audit log, not here.
ALTER TABLE `Day` ADD COLUMN `condition` VARCHAR(191) NULL;
