import type { ValidationProblem } from "@oms/contracts";
import type { DomainContext } from "../../context.ts";
import type { OrderWithLines } from "../order-rows.ts";

/**
 * One pre-processing check. `run` returns null when the order passes, or what a person
 * must do to fix it: the order then waits ON_HOLD with one task per failing check.
 */
export interface ValidationCheck {
  code: string;
  /** Short title for the task list. */
  title: string;
  appliesTo(order: OrderWithLines): boolean;
  run(order: OrderWithLines, ctx: DomainContext): Promise<ValidationProblem | null>;
}
