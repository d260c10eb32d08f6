// Read queries over the inventory tables for screens and the API (the inventory module
// holds the commands; these only read).
export { listLevels, type LevelPage, type LevelSummary } from "./list-levels.ts";
export { listMovements, type MovementPage, type MovementRow } from "./list-movements.ts";
export { listTransfers, type TransferSummary } from "./list-transfers.ts";
export { getCycleCount } from "./get-cycle-count.ts";
export { daysOfCover } from "./sales-velocity.ts";
export {
  listInventory,
  countInventory,
  isLowStock,
  lowSql as lowStockSql,
  resolveInventoryFilter,
  inventoryFilterSql,
  inventoryRowColumns,
  inventoryRowJoins,
  toInventoryRow,
  uuidList,
  type InventoryRawRow,
  ListInventoryInput,
  InventoryFilterInput,
  INVENTORY_COUNT_CAP,
  inventorySortKeys,
  type InventorySortKey,
  type InventoryRow,
  type InventoryPage,
} from "./inventory-table.ts";
export { exportInventoryCsv, ExportInventoryCsvInput, EXPORT_CHUNK_ROWS, csvField, inventoryCsvHeader, type InventoryCsvChunk } from "./export-inventory-csv.ts";
export { getVariantStock, VariantIdInput, type VariantStock, type VariantLocationStock } from "./get-variant-stock.ts";
export { listVariantMovements, ListVariantMovementsInput, type VariantMovementRow } from "./list-variant-movements.ts";
export { listPurchaseOrders, getPurchaseOrder, ListPurchaseOrdersInput, type PurchaseOrderSummary, type PurchaseOrderDetail } from "./purchase-orders.ts";
export { listInventoryCategories } from "./list-inventory-categories.ts";
