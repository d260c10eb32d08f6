import { AdjustStockInput, AvailabilityInput, ListLevelsInput, ListMovementsInput, ReceiveStockInput } from "@oms/contracts";
import {
  adjustStock,
  cancelPurchaseOrder,
  createPurchaseOrder,
  CreatePurchaseOrderInput,
  exportInventoryCsv,
  ExportInventoryCsvInput,
  getAvailability,
  getPurchaseOrder,
  getVariantStock,
  listInventory,
  listInventoryCategories,
  ListInventoryInput,
  listLevels,
  listMovements,
  listPurchaseOrders,
  ListPurchaseOrdersInput,
  listVariantMovements,
  ListVariantMovementsInput,
  markPurchaseOrderOrdered,
  PurchaseOrderIdInput,
  receivePurchaseOrder,
  ReceivePurchaseOrderInput,
  receiveStock,
  VariantIdInput,
} from "@oms/core";
import { domainContext } from "../context.ts";
import { authedProcedure, locationRoleProcedure, roleProcedure, router } from "../trpc.ts";
import { ALL_ROLES } from "./guards.ts";

// HQ (docs/hq-inventory.md): the whole network's stock and purchasing, admins only.
const hq = roleProcedure(["ADMIN"]);

export const inventoryRouter = router({
  /** Any signed-in person: a cashier sells from other stores' stock (endless aisle). */
  availability: authedProcedure.input(AvailabilityInput).query(({ ctx, input }) => getAvailability(input, { db: ctx.db })),
  levels: locationRoleProcedure(ALL_ROLES).input(ListLevelsInput).query(({ ctx, input }) => listLevels(input, { db: ctx.db })),
  /** The ledger of one variant at one location. */
  movements: locationRoleProcedure(["ADMIN", "MANAGER"]).input(ListMovementsInput).query(({ ctx, input }) => listMovements(input, { db: ctx.db })),
  receive: locationRoleProcedure(["ADMIN", "MANAGER", "ASSOCIATE"]).input(ReceiveStockInput).mutation(({ ctx, input }) => receiveStock(input, domainContext(ctx))),
  adjust: locationRoleProcedure(["ADMIN", "MANAGER"]).input(AdjustStockInput).mutation(({ ctx, input }) => adjustStock(input, domainContext(ctx))),

  /** Every variant × location, filtered, sorted and paged in the database. */
  table: hq.input(ListInventoryInput).query(({ ctx, input }) => listInventory(input, { db: ctx.db })),
  /** The filtered table as CSV, a chunk at a time (the export route streams the chunks). */
  exportCsv: hq.input(ExportInventoryCsvInput).query(({ ctx, input }) => exportInventoryCsv(input, { db: ctx.db })),
  categories: hq.query(({ ctx }) => listInventoryCategories({ db: ctx.db })),
  /** One variant at every location. */
  variant: hq.input(VariantIdInput).query(({ ctx, input }) => getVariantStock(input, { db: ctx.db })),
  /** One variant's ledger at every location (or one), newest first. */
  variantMovements: hq.input(ListVariantMovementsInput).query(({ ctx, input }) => listVariantMovements(input, { db: ctx.db })),

  purchaseOrders: hq.input(ListPurchaseOrdersInput).query(({ ctx, input }) => listPurchaseOrders(input, { db: ctx.db })),
  purchaseOrder: hq.input(PurchaseOrderIdInput).query(({ ctx, input }) => getPurchaseOrder(input, { db: ctx.db })),
  createPurchaseOrder: hq.input(CreatePurchaseOrderInput).mutation(({ ctx, input }) => createPurchaseOrder(input, domainContext(ctx))),
  markPurchaseOrderOrdered: hq.input(PurchaseOrderIdInput).mutation(({ ctx, input }) => markPurchaseOrderOrdered(input, domainContext(ctx))),
  cancelPurchaseOrder: hq.input(PurchaseOrderIdInput).mutation(({ ctx, input }) => cancelPurchaseOrder(input, domainContext(ctx))),
  /** Goods of an ordered purchase order arrive, all or part (RECEIPT movements). */
  receivePurchaseOrder: hq.input(ReceivePurchaseOrderInput).mutation(({ ctx, input }) => receivePurchaseOrder(input, domainContext(ctx))),
});
