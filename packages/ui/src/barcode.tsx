import { code128Layout } from "@oms/contracts";

export interface BarcodeProps {
  /** Printable ASCII to encode (a receipt or order number). */
  value: string;
  /** Height of the bars in CSS pixels (the SVG scales down with its container). */
  height?: number;
  /** Width of the narrowest bar in CSS pixels; a scanner wants at least about 0.25 mm. */
  moduleWidth?: number;
  /** Print `value` under the bars. */
  showText?: boolean;
  /** Accessible name; defaults to `value`. */
  label?: string;
}

/**
 * A Code 128 barcode as SVG: one rect per bar, crisp edges, black on white so it prints
 * and scans from paper or a screen. Pure rendering (no canvas), so it works in server
 * components and in print.
 */
export function Barcode({ value, height = 56, moduleWidth = 2, showText = true, label }: BarcodeProps) {
  const { modules, bars } = code128Layout(value);
  // The viewBox is in modules; vertical sizes are converted so text and bars keep their pixel size.
  const unit = (px: number) => px / moduleWidth;
  const textHeight = showText ? 16 : 0;
  const total = unit(height + textHeight);
  return (
    <svg
      role="img"
      aria-label={label ?? value}
      data-barcode={value}
      xmlns="http://www.w3.org/2000/svg"
      width={modules * moduleWidth}
      height={height + textHeight}
      viewBox={`0 0 ${modules} ${total}`}
      shapeRendering="crispEdges"
      style={{ background: "#fff", maxWidth: "100%", height: "auto", display: "block" }}
    >
      <rect x={0} y={0} width={modules} height={total} fill="#fff" />
      {bars.map((b) => (
        <rect key={b.x} x={b.x} y={0} width={b.width} height={unit(height)} fill="#000" />
      ))}
      {showText ? (
        <text x={modules / 2} y={unit(height + textHeight - 3)} textAnchor="middle" fontFamily="ui-monospace, monospace" fontSize={unit(12)} fill="#000">
          {value}
        </text>
      ) : null}
    </svg>
  );
}
