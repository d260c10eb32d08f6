-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "lastEventAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "StripeWebhookEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMPTZ(3),

    CONSTRAINT "StripeWebhookEvent_pkey" PRIMARY KEY ("id")
);
