// Issue 11 part B in a real browser: after the parcel leaves.
// 1. A shipped web order: the carrier posts signed tracking webhooks (one forged, refused)
//    and the public tracking page shows the parcel's history and "delivered".
// 2. The customer starts a return of a delivered item on the tracking page, gets a return
//    label and opens the PDF; its barcode scans as the return parcel's tracking number.
// 3. A store associate plans a delivery run from two packed delivery orders, starts it on
//    a phone, records one delivered to "J. Smith" and one failed, finishes the run; the
//    tracking page shows the proof of delivery.
// Screenshots go to /tmp/shots/delivery-tracking.
import { confirmDelivered, createOrder, markPacked, markShipped, receiveStock, startPicking } from "@oms/core";
import { createStaffWorld, createTestUser } from "@oms/core/testing";
import { signSimulatedTracking, SIMULATED_SIGNATURE_HEADER } from "@oms/shipping";
import { labelToolsAvailable, scanPdfBarcodes } from "@oms/shipping/testing";
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { screenshot } from "../support/browser.ts";
import { describeJourney, useJourney } from "../support/journey.ts";
import { signInWithPassword } from "../support/sign-in.ts";

const SHOTS = process.env.SHOTS_DIR ?? "/tmp/shots/delivery-tracking";
const SECRET = "e2e-simulated-carrier-secret";
// The server reads it from the environment it is started with (useJourney copies ours).
process.env.SIMULATED_CARRIER_SECRET = SECRET;

async function shot(page: Page, name: string) {
  await screenshot(page, `e2e-delivery-tracking-${name}`);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

interface Seeded {
  associate: { email: string };
  shipped: { number: string; email: string; trackingNumber: string };
  returnable: { number: string; email: string };
  deliveries: { number: string; email: string; customer: string }[];
}

describeJourney("After the parcel leaves: tracking, returns, delivery runs", () => {
  const app = useJourney(async (db): Promise<Seeded> => {
    const prisma = db.prisma;
    const world = await createStaffWorld(prisma);
    await prisma.location.update({ where: { id: world.storeA.id }, data: { fulfillmentTypes: { set: ["CARRY_OUT", "PICKUP", "SHIP", "DELIVERY"] } } });
    const associate = await createTestUser(prisma, { role: "ASSOCIATE", locationId: world.storeA.id, name: "Dora Driver", email: `dora-${randomUUID()}@test.example` });
    const ctx = { db: prisma, actor: { kind: "SYSTEM" as const }, now: new Date() };
    const category = await prisma.category.create({ data: { slug: "delivery-e2e", name: "Outdoor" } });
    const product = await prisma.product.create({ data: { handle: "trail-jacket-e2e", name: "Trail Jacket", categoryId: category.id } });
    const jacket = await prisma.variant.create({ data: { productId: product.id, sku: "JKT-E2E-M", name: "Blue / M", prices: { create: { currency: "EUR", amount: 8900 } } } });
    await receiveStock({ locationId: world.storeA.id, lines: [{ variantId: jacket.id, quantity: 20 }] }, ctx);
    const address = { line1: "Rynek Glowny 1", city: "Berlin", postalCode: "10115", countryCode: "DE", phone: "+49 30 555 0101" };
    const order = async (type: "SHIP" | "DELIVERY", name: string, quantity = 1) => {
      const email = `${name.split(" ")[0]!.toLowerCase()}-${randomUUID().slice(0, 6)}@test.example`;
      const created = await createOrder(
        { channel: "WEB", customer: { name, email, phone: "+49 30 555 0101" }, currency: "EUR", lines: [{ variantId: jacket.id, quantity }], fulfillment: { type, address: { name, ...address } }, payment: { status: "PAID", reference: `pi_${randomUUID()}` } },
        ctx,
      );
      const fo = created.fulfillmentOrders[0]!;
      await startPicking({ fulfillmentOrderId: fo.id }, ctx);
      await markPacked({ fulfillmentOrderId: fo.id, bagCount: 1 }, ctx);
      return { created, fo, email };
    };
    const trackingNumber = "SIM00000000017";
    const shipped = await order("SHIP", "Grace Hopper");
    await markShipped({ fulfillmentOrderId: shipped.fo.id, carrier: "simulated", trackingNumber, weightGrams: 900 }, ctx);
    const returnable = await order("SHIP", "Ada Lovelace", 2);
    await markShipped({ fulfillmentOrderId: returnable.fo.id, carrier: "simulated", trackingNumber: "SIM00000000025", weightGrams: 1200 }, ctx);
    await confirmDelivered({ fulfillmentOrderId: returnable.fo.id }, ctx);
    const d1 = await order("DELIVERY", "Jane Smith");
    const d2 = await order("DELIVERY", "Ewa Nowak");
    return {
      associate: { email: associate.email },
      shipped: { number: shipped.created.number, email: shipped.email, trackingNumber },
      returnable: { number: returnable.created.number, email: returnable.email },
      deliveries: [
        { number: d1.created.number, email: d1.email, customer: "Jane Smith" },
        { number: d2.created.number, email: d2.email, customer: "Ewa Nowak" },
      ],
    };
  });

  async function lookUp(page: Page, number: string, email: string) {
    await page.goto(`${app.server.baseUrl}/track`);
    await page.getByRole("textbox", { name: "Order number" }).fill(number);
    await page.getByRole("textbox", { name: "E-mail address" }).fill(email);
    await page.getByRole("button", { name: "Show my order" }).click();
    await page.getByRole("heading", { name: new RegExp(`^Order ${number}`) }).waitFor();
  }

  async function postTracking(body: string, headers: Record<string, string | undefined>) {
    return fetch(`${app.server.baseUrl}/api/webhooks/carriers/simulated`, { method: "POST", headers: { "content-type": "application/json", ...(headers as Record<string, string>) }, body });
  }

  it("signed tracking webhooks move the parcel and reach the tracking page; a forged one is refused", async () => {
    const { number, email, trackingNumber } = app.world.shipped;
    const page = await app.browser.newPage({ viewport: { width: 430, height: 932 }, hasTouch: true, isMobile: true });
    await lookUp(page, number, email);
    await page.getByTestId("parcel").getByText("in transit").waitFor();

    const inTransit = signSimulatedTracking(SECRET, [
      { trackingNumber, status: "IN_TRANSIT", occurredAt: new Date(Date.now() - 3 * 3_600_000), location: "Berlin hub", detail: "Sorted" },
      { trackingNumber, status: "OUT_FOR_DELIVERY", occurredAt: new Date(Date.now() - 3_600_000), location: "Berlin" },
    ]);
    const first = await postTracking(inTransit.body, inTransit.headers);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ applied: 2 });
    // Redelivered by the carrier: accepted, applied once.
    expect(await (await postTracking(inTransit.body, inTransit.headers)).json()).toMatchObject({ duplicates: 2, applied: 0 });
    const forged = signSimulatedTracking("not-the-secret", [{ trackingNumber, status: "RETURNED_TO_SENDER", occurredAt: new Date() }]);
    expect((await postTracking(forged.body, forged.headers)).status).toBe(401);
    expect((await postTracking("{", { [SIMULATED_SIGNATURE_HEADER]: "sha256=00" })).status).toBe(401);

    await lookUp(page, number, email);
    await page.getByTestId("parcel").getByText("out for delivery").waitFor();
    await page.getByText("Sorted").waitFor();
    await shot(page, "tracking-out-for-delivery");

    const delivered = signSimulatedTracking(SECRET, [{ trackingNumber, status: "DELIVERED", occurredAt: new Date(), detail: "Handed to resident" }]);
    expect((await postTracking(delivered.body, delivered.headers)).status).toBe(200);
    await lookUp(page, number, email);
    await page.getByTestId("parcel").getByText("delivered", { exact: true }).waitFor();
    await page.getByText("Delivered: Handed to resident").waitFor();
    await shot(page, "tracking-delivered");
    await page.close();
  });

  it("the customer starts a return on the tracking page and opens a scannable return label", async () => {
    const { number, email } = app.world.returnable;
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await lookUp(page, number, email);
    await page.getByRole("heading", { name: "Return items" }).waitFor();
    await expect(page.getByRole("button", { name: "Get a return label" }).isDisabled()).resolves.toBe(true);
    await page.getByRole("textbox", { name: /Trail Jacket: how many to return \(up to 2\)/ }).fill("1");
    await page.getByRole("combobox", { name: "Reason" }).selectOption("DOES_NOT_FIT");
    await shot(page, "return-form");
    await page.getByRole("button", { name: "Get a return label" }).click();
    await page.getByText(/^Return R-\d+ is open\. Print the label/).waitFor({ timeout: 20_000 });
    const link = page.getByRole("link", { name: "Print return label" });
    await link.waitFor();
    await page.getByText(/waiting for your parcel/).waitFor();
    // One more unit can still be sent back.
    await page.getByRole("textbox", { name: /up to 1\)/ }).waitFor();
    await shot(page, "return-label-ready");

    const href = await link.getAttribute("href");
    expect(href).toMatch(/^\/track\/return-label\/[0-9a-f-]{36}$/);
    const response = await page.request.get(`${app.server.baseUrl}${href}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    const pdf = new Uint8Array(await response.body());
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe("%PDF-");
    const returnParcel = page.getByTestId("parcel").filter({ hasText: "Return parcel" });
    const text = (await returnParcel.getByText(/^Return parcel /).textContent()) ?? "";
    const returnTracking = /Return parcel (\S+)/.exec(text)?.[1];
    expect(returnTracking).toMatch(/^SIM\d{11}$/);
    if (labelToolsAvailable()) {
      expect(scanPdfBarcodes(pdf).codes).toContain(`CODE-128:${returnTracking}`);
    }
    // Opening the link shows the PDF in the browser (inline).
    const [popup] = await Promise.all([page.waitForEvent("popup"), link.click()]);
    await popup.waitForLoadState();
    expect(popup.url()).toContain(href!);
    await popup.close();
    await page.close();
  });

  it("a delivery run: planned from packed orders, driven on a phone with proof of delivery, shown to the customer", async () => {
    const [jane, ewa] = app.world.deliveries as [Seeded["deliveries"][number], Seeded["deliveries"][number]];
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInWithPassword(page, app.server.baseUrl, app.world.associate.email, /\/(pickup|fulfillment|pos)/);
    await page.goto(`${app.server.baseUrl}/fulfillment/deliveries`);
    await page.getByRole("heading", { name: "Delivery runs", level: 1 }).waitFor();
    await page.getByTestId("deliverable").first().waitFor();
    await expect(page.getByTestId("deliverable").count()).resolves.toBe(2);
    await page.getByRole("checkbox", { name: `Add ${ewa.number}-F1 to the run` }).check();
    await page.getByRole("checkbox", { name: `Add ${jane.number}-F1 to the run` }).check();
    // Jane first: move her up.
    await page.getByRole("button", { name: "Move stop 2 up" }).click();
    await page.getByRole("textbox", { name: "Driver" }).fill("Dora Driver");
    await shot(page, "plan-run");
    await page.getByRole("button", { name: "Create run" }).click();
    const card = page.getByTestId("run-card").first();
    await card.getByText("planned").waitFor();
    await expect(page.getByTestId("deliverable").count()).resolves.toBe(0);
    await card.getByRole("link", { name: "Open" }).click();
    await page.waitForURL(/\/fulfillment\/deliveries\/[0-9a-f-]{36}$/);
    const runUrl = page.url();
    await page.close();

    // The driver's phone.
    const phone = await app.browser.newPage({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    await signInWithPassword(phone, app.server.baseUrl, app.world.associate.email, /\/(pickup|fulfillment|pos)/);
    await phone.goto(runUrl);
    await phone.getByTestId("stop-1").getByText(`Stop 1 · ${jane.customer}`).waitFor();
    await phone.getByRole("button", { name: "Start run" }).click();
    await phone.getByTestId("run-status").getByText("out for delivery").waitFor();
    await shot(phone, "driver-out");
    const stop1 = phone.getByTestId("stop-1");
    await stop1.getByRole("textbox", { name: "Received by" }).fill("J. Smith");
    await stop1.getByRole("button", { name: "Delivered" }).click();
    await stop1.getByText(/^Delivered .* to J\. Smith$/).waitFor();
    const stop2 = phone.getByTestId("stop-2");
    await stop2.getByRole("button", { name: "Could not deliver" }).click();
    await stop2.getByRole("textbox", { name: "Why not" }).fill("Nobody home");
    await stop2.getByRole("button", { name: "Record failed delivery" }).click();
    await stop2.getByText(/^Failed .*: Nobody home$/).waitFor();
    await phone.getByRole("button", { name: "Finish run" }).click();
    await phone.getByTestId("run-status").getByText("completed").waitFor();
    await shot(phone, "driver-completed");
    await phone.close();

    const customer = await app.browser.newPage({ viewport: { width: 430, height: 932 }, isMobile: true });
    await lookUp(customer, jane.number, jane.email);
    await customer.getByTestId("delivery-proof").getByText(/^Delivered .*, received by J\. Smith$/).waitFor();
    await shot(customer, "tracking-delivery-proof");
    await lookUp(customer, ewa.number, ewa.email);
    await customer.getByTestId("delivery-proof").getByText(/failed: Nobody home$/).waitFor();
    await customer.close();
  });
});
