// Page geometry shared by the plant profiles (which declare it) and layout (which sets pages on it), in points.

/** A page's trim size, margins, column grid and baseline grid: what a plant profile gives layout. */
export interface PageGeometry {
  readonly width: number;
  readonly height: number;
  readonly margin: { readonly top: number; readonly bottom: number; readonly inner: number; readonly outer: number };
  readonly columns: number;
  readonly gutter: number;
  /** Baseline grid step: body text's leading. */
  readonly baseline: number;
}
