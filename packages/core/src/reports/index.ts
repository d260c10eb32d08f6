export { convertMinorUnits, fxConverter, loadFxConverter, scaledRate, type FxConverter } from "./fx.ts";
