-- Everything that determined a generated image, as the engine reported it (JSON): for a
-- self-hosted stable-diffusion-webui the checkpoint and its hash, the seed actually used, the
-- sampler, steps, CFG scale, denoising strength, mask handling and size; for OpenAI the snapshot
-- and the request's parameters; for the offline engine its algorithm. Replay reads it back.
-- Images made before this column existed keep it empty.
ALTER TABLE `Image` ADD COLUMN `engineParams` TEXT NULL;
