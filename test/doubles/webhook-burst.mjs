// Posts a burst of Telegram text updates to a webhook from its own process, so the memory of
// the process under test is the server's alone. Prints {"<status>": count, ...} as JSON.
// Usage: node webhook-burst.mjs <url> <secret> <count> [firstId] [concurrency]
const [url, secret, countText, firstText = '1', concurrencyText = '100'] = process.argv.slice(2);
const count = Number(countText);
const first = Number(firstText);
const concurrency = Number(concurrencyText);
const statuses = {};
let next = 0;
async function worker() {
  while (next < count) {
    const id = first + next;
    next += 1;
    const person = { id: 10_000 + (id % 1_000), is_bot: false, first_name: 'p' };
    const body = JSON.stringify({
      update_id: id,
      message: { message_id: id, date: Math.floor(Date.now() / 1000), chat: { id: person.id, type: 'private', first_name: 'p' }, from: person, text: `问题${id}:${'字'.repeat(200)}` },
    });
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret }, body });
    await response.arrayBuffer();
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
  }
}
await Promise.all(Array.from({ length: concurrency }, worker));
process.stdout.write(`${JSON.stringify(statuses)}\n`);
