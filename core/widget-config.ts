/**
 * A saved widget configuration (contract): what the configurator saves, the proxy stores and
 * enforces, and the widget reads with `config="id"`. The public part (options and appearance) goes
 * to any allowed page; the rest (pricing, allowed sites and return URLs) only to its owner.
 */
import type { Appearance } from './appearance';

/** Configuration ids: 12 lower-case letters and digits, made by the proxy. */
export const CONFIG_ID_SOURCE = '[a-z0-9]{12}';
export const CONFIG_ID_PATTERN = new RegExp(`^${CONFIG_ID_SOURCE}$`);

/** The shop's pricing rules, as saved (any field left out takes its default). */
export interface SavedPricing {
  markupPercent?: number;
  markupFixed?: number;
  roundTo?: number;
  roundMode?: 'up' | 'nearest';
  freeAbove?: number | null;
  extraDays?: number;
}

/** What POST and PUT take, and what an export holds. */
export interface WidgetConfigInput {
  /** The merchant's own name for it. */
  name?: string;
  /** Widget options by attribute name (`from`, `types`, `no-list`): text, or `true` for a flag. */
  options: Record<string, string | true>;
  appearance?: Appearance;
  pricing?: SavedPricing;
  /** Origins of the sites that may use it (`https://shop.example`); the proxy's own always may. */
  allowedOrigins?: string[];
  /** Where an app's embed page may send the buyer back (`myshop://picked`, `https://shop.example/done/`). */
  allowedReturnUrls?: string[];
  /** The widget.pochta.ru widget id this configuration replaces (its drop-in finds it by that). */
  pochtaWidgetId?: number;
}

/** `GET /api/v1/configs/:id` without the owner's token. */
export interface PublicConfig {
  id: string;
  /** Grows by one with every save; the `ETag` is `"<version>"`. */
  version: number;
  options: Record<string, string | true>;
  appearance: Appearance;
}

/** With the owner's token: everything. */
export interface OwnerConfig
  extends
    PublicConfig,
    Required<Omit<WidgetConfigInput, 'options' | 'appearance' | 'pochtaWidgetId'>> {
  pochtaWidgetId: number | null;
  createdAt: string;
  updatedAt: string;
}

/** `POST /api/v1/configs`'s answer: the owner token, shown this once. */
export interface CreatedConfig {
  config: OwnerConfig;
  token: string;
}
