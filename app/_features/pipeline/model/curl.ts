// The curl command for the local server's published-pipeline route.

/** Single-quoted for a POSIX shell: a quote inside becomes '\''. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The body on one line when it is JSON; as typed otherwise (the server will say what is wrong). */
export function compactBody(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}

export function curlCommand(url: string, body: string): string {
  return `curl -X POST -H 'Content-Type: application/json' -d ${shellQuote(compactBody(body))} ${url}`;
}
