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
};
