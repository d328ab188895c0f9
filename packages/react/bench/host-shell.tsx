// A stand-in for the host app around InvitationsTable (the `host` series of the bench): a
// generic React + TanStack Query screen, rendered and updated once before the timer, so
// React DOM's and the query library's code has run in the page as it has in a real app,
// while Foyer's code (the table, its hooks, the client) still runs for the first time.
import {
  QueryClient,
  QueryClientProvider,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { createRoot } from "react-dom/client";

interface Item {
  id: string;
  name: string;
  email: string;
  team: string;
  createdAt: number;
}

const TEAMS = ["Blue", "Green", "Night shift", "On-call"];

function items(count: number, seed: number): Item[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `host-${seed}-${index}`,
    name: `Person ${index}`,
    email: `person.${index}@host.example.com`,
    team: TEAMS[(index + seed) % TEAMS.length] ?? "Blue",
    createdAt: Date.UTC(2026, 0, 1 + index),
  }));
}

function HostScreen({ onDone }: { onDone: () => void }) {
  const [round, setRound] = useState(0);
  const [filter, setFilter] = useState("");
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ["host", "people", round],
    queryFn: async () => items(40, round),
  });
  const rename = useMutation({
    mutationFn: async (name: string) => name,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["host"] }),
  });
  const heading = useRef<HTMLHeadingElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    setWidth(heading.current?.getBoundingClientRect().width ?? 0);
  }, []);
  const rows = useMemo(
    () => (list.data ?? []).filter((item) => item.email.includes(filter)),
    [list.data, filter],
  );
  const format = useMemo(
    () => new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" }),
    [],
  );
  useEffect(() => {
    if (!list.data) return;
    if (round === 0) {
      // One update of everything on screen, as a host does when its data changes.
      setRound(1);
      setFilter("person");
      setSelected(new Set([list.data[0]?.id ?? ""]));
      rename.mutate("renamed");
      return;
    }
    onDone();
  }, [list.data, round, onDone, rename.mutate]);

  return (
    <section aria-label="Host app" data-width={width}>
      <h2 ref={heading}>Host app</h2>
      <nav>
        {["Home", "People", "Settings"].map((label) => (
          <button key={label} type="button" onClick={() => setFilter(label)}>
            {label}
          </button>
        ))}
        <input value={filter} onChange={(event) => setFilter(event.target.value)} />
      </nav>
      <table>
        <tbody>
          {rows.map((item) => (
            <tr key={item.id} data-selected={selected.has(item.id) || undefined}>
              <td>
                <input
                  type="checkbox"
                  aria-label={item.name}
                  checked={selected.has(item.id)}
                  onChange={() => setSelected(new Set([item.id]))}
                />
              </td>
              <td>{item.name}</td>
              <td>{item.email}</td>
              <td>
                <span title={item.team}>{item.team}</span>
              </td>
              <td>{format.format(item.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Renders the host screen after `before`, waits until it has loaded and updated once. */
export async function mountHostShell(before: Element): Promise<void> {
  const host = document.createElement("div");
  host.setAttribute("data-bench", "host-shell");
  before.after(host);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  await new Promise<void>((resolve) => {
    createRoot(host).render(
      <QueryClientProvider client={queryClient}>
        <HostScreen onDone={resolve} />
      </QueryClientProvider>,
    );
  });
}
