import axe from "axe-core";

/**
 * Runs axe-core on an element and returns the violations, as `id: help (n nodes)`. jsdom has
 * no layout or computed colours, so `color-contrast` is left to the Storybook a11y run in a
 * real browser. Test-only.
 */
export async function axeViolations(
  context: Element | Document = document.body,
): Promise<string[]> {
  const result = await axe.run(context, {
    rules: { "color-contrast": { enabled: false } },
  });
  return result.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.length} nodes)`,
  );
}
