-- AlterTable
ALTER TABLE "OutboxEvent" ADD COLUMN     "locationSequence" BIGINT;

-- CreateTable
CREATE TABLE "LiveStream" (
    "key" TEXT NOT NULL,
    "lastSequence" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LiveStream_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEvent_locationId_locationSequence_key" ON "OutboxEvent"("locationId", "locationSequence");

-- Hand-written: wake the realtime dispatcher (LISTEN outbox) when a transaction that wrote
-- events commits. NOTIFY is delivered at commit and dropped on rollback, so listeners hear
-- only of committed rows. One notification per statement; the payload is empty because the
-- dispatcher reads the table anyway.
CREATE OR REPLACE FUNCTION "oms_outbox_notify"() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('outbox', '');
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "OutboxEvent_notify"
  AFTER INSERT ON "OutboxEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "oms_outbox_notify"();

-- Hand-written: the HQ stream's events have locationId NULL, which the unique index above
-- treats as distinct; this one keeps HQ's numbers unique too.
CREATE UNIQUE INDEX "OutboxEvent_hq_locationSequence_key" ON "OutboxEvent"("locationSequence") WHERE "locationId" IS NULL;
