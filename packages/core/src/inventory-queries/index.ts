// Read queries over the inventory tables for screens and the API (the inventory module
// holds the commands; these only read).
export { listLevels, type LevelPage, type LevelSummary } from "./list-levels.ts";
export { listMovements, type MovementPage, type MovementRow } from "./list-movements.ts";
export { listTransfers, type TransferSummary } from "./list-transfers.ts";
export { getCycleCount } from "./get-cycle-count.ts";
