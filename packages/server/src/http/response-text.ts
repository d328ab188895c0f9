// The text of the answers the Foyer handler builds, kept beside each `Response`, so an
// adapter that writes to a Node response (`foyerExpress`) sends the string as it is instead
// of reading it back through the Response's stream (a ReadableStream, a copy and a Buffer
// per request: a tenth of the handler's CPU on a list page). Adapters that see a Response
// not built by Foyer (a host's wrapper) fall back to reading its body.

const texts = new WeakMap<Response, string>();

/** A Response with this text as its body, remembered for `responseText`. */
export function textResponse(body: string, init: ResponseInit): Response {
  const response = new Response(body, init);
  texts.set(response, body);
  return response;
}

/** The body text of a Response made by `textResponse` whose body nobody read yet. */
export function responseText(response: Response): string | undefined {
  return response.bodyUsed ? undefined : texts.get(response);
}
