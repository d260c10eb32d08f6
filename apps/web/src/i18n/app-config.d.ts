// Types every translation key against messages/en.json: a missing key fails `tsc`.
import type { AppLocale, Messages } from "./config.ts";

declare module "use-intl" {
  interface AppConfig {
    Locale: AppLocale;
    Messages: Messages;
  }
}
