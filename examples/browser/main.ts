// The page: calls a JitAi app straight from the browser. It holds the accessKey (an
// identifier) but no secret; every request is signed, and every signed answer checked,
// by the partner's own backend at /sign (sdk-node's createSigningHandler).
import { createJitaiClient, isSignetError, remoteSigner } from '@signet/sdk-browser';

interface Order {
  orderId: string;
  status: string;
  amount: number;
  items: { sku: string; name: string; qty: number }[];
}

interface Services {
  'services.OrderSvc': { query(args: { orderId: string }): Promise<Order> };
  'services.AdminSvc': { refund(args: { orderId: string }): Promise<{ refunded: boolean }> };
}

const $ = (selector: string) => document.querySelector<HTMLElement>(selector)!;

function log(text: string, kind = ''): void {
  const line = document.createElement('li');
  line.textContent = text;
  line.className = kind;
  $('#log').append(line);
}

// Shows the round trips to the signer in the activity log; a plain fetch otherwise.
const signerFetch: typeof fetch = async (input, init) => {
  const op = (JSON.parse(String(init?.body)) as { op: string; api?: string }).op;
  const response = await fetch(input, init);
  log(`/sign ${op} → ${response.status}`, 'signer');
  return response;
};

const { baseUrl, accessKey } = (await (await fetch('/config.json')).json()) as {
  baseUrl: string;
  accessKey: string;
};
const jit = createJitaiClient<Services>({
  baseUrl,
  accessKey,
  auth: remoteSigner({ endpoint: '/sign', fetch: signerFetch }),
  onCall: ({ api, status, ok, error }) =>
    log(
      `${api} → ${status ? `HTTP ${status}` : 'not sent'}, ${ok ? 'verified' : error}`,
      ok ? 'call' : 'failed',
    ),
});
$('#base-url').textContent = baseUrl;

$('#query').addEventListener('click', async () => {
  const orderId = ($('#order-id') as HTMLInputElement).value;
  const result = $('#result');
  result.dataset.state = 'busy';
  try {
    const order = await jit.service('services.OrderSvc').query({ orderId });
    result.textContent = JSON.stringify(order, null, 2);
    result.dataset.state = 'ok';
  } catch (error) {
    result.textContent = isSignetError(error) ? `${error.name}: ${error.message}` : String(error);
    result.dataset.state = 'error';
  }
});

$('#refund').addEventListener('click', async () => {
  const out = $('#refused');
  try {
    await jit.service('services.AdminSvc').refund({ orderId: '1001' });
    out.textContent = 'refund went through (it should not!)';
  } catch (error) {
    out.textContent = isSignetError(error) ? `${error.name}: ${error.message}` : String(error);
  }
  out.dataset.state = 'done';
});
