import type { MaskModel } from "./model";

/** What the create page needs from the mask editor. */
export type MaskEditorHandle = {
  /** The mask at the seed's native size: RGBA PNG, alpha 0 = repaint, alpha 255 = keep. */
  exportMask(): Promise<{ png: Blob; coverage: number }>;
};

export type MaskEditorProps = {
  imageUrl: string;
  /** The seed's native size in pixels. */
  width: number;
  height: number;
  /** Allowed share of masked pixels, as fractions (e.g. 0.01 and 0.9). */
  minCoverage: number;
  maxCoverage: number;
  /** Called after every change of the mask. */
  onChange?: (state: { coverage: number; empty: boolean }) => void;
  ref?: React.Ref<MaskEditorHandle>;
  disabled?: boolean;
  /** A model to start from (a draft saved before a reload); taken once, if nothing was drawn yet. */
  saved?: MaskModel | null;
  /** Called with the plain model after every change of the ops, the tool or the brush. */
  onModelChange?: (model: MaskModel) => void;
};
