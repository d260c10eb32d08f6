import type { RoutingCandidateTrace } from "@oms/contracts";
import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import messages from "../../../messages/en.json" with { type: "json" };
import { explainRoutingRun, type RoutingRun, type RoutingT } from "./routing-explanation.ts";

const t = createTranslator({ locale: "en", messages, namespace: "hqOrders.routing" }) as unknown as RoutingT;

function candidate(over: Partial<RoutingCandidateTrace> & Pick<RoutingCandidateTrace, "locationId" | "name">): RoutingCandidateTrace {
  return { code: over.locationId.toUpperCase(), kind: "STORE", distanceKm: null, fillableUnits: 0, stockDepth: 0, load: 0, rank: null, chosen: false, rejections: [], ...over };
}

function run(over: Partial<RoutingRun>, candidates: RoutingCandidateTrace[]): RoutingRun {
  return {
    at: "2026-11-23T10:00:00.000Z",
    reason: "Allocation",
    outcome: "ROUTED",
    assignments: [],
    unassigned: [],
    ...over,
    trace: { rule: { id: null, name: "Default" }, fulfillmentType: "SHIP", customerPosition: null, candidates, steps: [], split: false },
  };
}

describe("explainRoutingRun", () => {
  it("says where the order went and why the others were not chosen", () => {
    const text = explainRoutingRun(
      run({ assignments: [{ locationId: "waw", type: "SHIP", source: "STOCK", lines: [{ lineId: "l1", variantId: "v1", quantity: 3 }] }] }, [
        candidate({ locationId: "waw", name: "Warsaw Centrum", distanceKm: 4.2, fillableUnits: 3, rank: 1, chosen: true }),
        candidate({ locationId: "krk", name: "Kraków", distanceKm: 250, fillableUnits: 1, rank: 2, rejections: [{ code: "NOT_NEEDED", message: "" }] }),
        candidate({ locationId: "ber", name: "Berlin", distanceKm: 520, rejections: [{ code: "NO_STOCK", message: "" }, { code: "OUTSIDE_MARKET", message: "" }] }),
      ]),
      t,
      "en",
    );
    expect(text.sent).toEqual(["Sent to Warsaw Centrum: had all 3 items, 4.2 km from the customer."]);
    expect(text.notChosen).toBe("Not chosen: Kraków (only 1 of 3 items), Berlin (different market).");
    expect(text.unplaced).toBeNull();
  });

  it("explains a split, a backorder and what could not be placed", () => {
    const split = explainRoutingRun(
      run(
        {
          assignments: [
            { locationId: "a", type: "SHIP", source: "STOCK", lines: [{ lineId: "l1", variantId: "v1", quantity: 2 }] },
            { locationId: "b", type: "SHIP", source: "BACKORDER", lines: [{ lineId: "l2", variantId: "v2", quantity: 1 }] },
          ],
        },
        [candidate({ locationId: "a", name: "Alpha", distanceKm: 12.4, fillableUnits: 2, rank: 1, chosen: true }), candidate({ locationId: "b", name: "Beta", chosen: true })],
      ),
      t,
      "en",
    );
    expect(split.sent).toEqual(["Sent to Alpha: 2 of 3 items, 12 km from the customer.", "Sent to Beta: 1 item on backorder (stock is on its way)."]);
    expect(split.notChosen).toBeNull();

    const none = explainRoutingRun(
      run({ outcome: "UNROUTABLE", unassigned: [{ lineId: "l1", variantId: "v1", quantity: 2 }] }, [
        candidate({ locationId: "x", name: "Xeno", rejections: [{ code: "INACTIVE", message: "" }] }),
        candidate({ locationId: "y", name: "Ypsilon", distanceKm: 900, rejections: [{ code: "TOO_FAR", message: "" }] }),
      ]),
      t,
      "en",
    );
    expect(none.sent).toEqual([]);
    expect(none.unplaced).toBe("No location could take the 2 items.");
    expect(none.notChosen).toBe("Not chosen: Ypsilon (too far, 900 km), Xeno (switched off).");
  });
});
