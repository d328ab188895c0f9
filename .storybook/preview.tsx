// Every story runs inside FoyerProvider with a client on the MSW mock, a fresh QueryClient,
// and the toolbar's theme and locale. German is opt-in in @foyer/react: the "de" locale passes
// the `de` dictionary as `localization` as well, as a host would.
import "@foyer/react/styles.css";
import "./preview.css";
import { createFoyerClient } from "@foyer/client";
import { de, FoyerProvider } from "@foyer/react";
import type { Decorator, Preview } from "@storybook/react-vite";
import { QueryClient } from "@tanstack/react-query";
import { initialize, mswLoader } from "msw-storybook-addon";
import { type ReactNode, useLayoutEffect, useState } from "react";
import { BASE_URL } from "../stories/support/mock.ts";

// A Foyer call that no handler answers means the story lost its mock (e.g. its own
// `parameters` replaced the spread `storyMock(...)` ones): fail it loudly instead of letting
// the dev server's 404 come back as a misleading NOT_FOUND. Anything else goes through.
initialize({
  quiet: true,
  onUnhandledRequest(request, print) {
    if (new URL(request.url).pathname.startsWith(`${BASE_URL}/`)) print.error();
  },
});

type Theme = "light" | "dark";

function StoryRoot({
  theme,
  locale,
  children,
}: {
  theme: Theme;
  locale: string;
  children: ReactNode;
}) {
  // One client and one QueryClient per story render: no cache leaks between stories.
  const [client] = useState(() => createFoyerClient({ baseUrl: BASE_URL, retry: 0 }));
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 30_000 } } }),
  );
  useLayoutEffect(() => {
    document.documentElement.setAttribute("data-foyer-theme", theme);
    document.documentElement.lang = locale;
  }, [theme, locale]);
  return (
    <FoyerProvider
      client={client}
      queryClient={queryClient}
      locale={locale}
      localization={locale === "de" ? de : undefined}
      appearance={{ theme }}
    >
      <div data-foyer-theme={theme}>{children}</div>
    </FoyerProvider>
  );
}

const withFoyer: Decorator = (Story, context) => {
  const theme: Theme = context.globals.theme === "dark" ? "dark" : "light";
  const locale = context.globals.locale === "de" ? "de" : "en";
  return (
    <StoryRoot key={context.id} theme={theme} locale={locale}>
      <Story />
    </StoryRoot>
  );
};

const preview: Preview = {
  decorators: [withFoyer],
  loaders: [mswLoader],
  globalTypes: {
    theme: {
      description: "Foyer theme (data-foyer-theme)",
      toolbar: {
        title: "Theme",
        icon: "mirror",
        items: [
          { value: "light", title: "Light", icon: "sun" },
          { value: "dark", title: "Dark", icon: "moon" },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: "Foyer locale",
      toolbar: {
        title: "Locale",
        icon: "globe",
        items: [
          { value: "en", title: "English" },
          { value: "de", title: "Deutsch" },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: "light", locale: "en" },
  parameters: {
    layout: "padded",
    // Every story is an accessibility test: any axe violation fails it (R-UI-08).
    a11y: { test: "error" },
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/i } },
  },
};

export default preview;
