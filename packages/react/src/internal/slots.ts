/**
 * Per-slot class names of a component: `classNames={{ row: "my-row" }}` adds `my-row` next
 * to Foyer's stable `foyer-…` class of that slot.
 */
export type SlotClassNames<Slot extends string> = Partial<Record<Slot, string>>;

/** Props every styled Foyer component accepts for theming. */
export interface StylingProps<Slot extends string> {
  /** Added to the root element's classes. */
  className?: string | undefined;
  /** Added to each slot's classes, by slot name. */
  classNames?: SlotClassNames<Slot> | undefined;
}
