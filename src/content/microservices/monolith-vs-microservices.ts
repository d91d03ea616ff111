import type { Walkthrough } from '$lib/model/types';

const MODULES = ['m-ui', 'm-catalog', 'm-cart', 'm-checkout', 'm-payments', 'm-orders'];
const redeploy = Object.fromEntries(MODULES.map((m) => [m, 'redeploy']));

// The deck's Module 1: monolithic applications (benefits, challenges), microservices (one service per
// functional area, APIs, the UI invoking checkout, asynchronous messages), and the small Flask service.
export const monolithVsMicroservices: Walkthrough = {
	id: 'microservices/monolith-vs-microservices',
	scene: 'microservices',
	order: 1,
	title: 'Monolith vs microservices',
	summary: 'One e-commerce shop built two ways: what each makes easy, what each makes hard, and how a request travels.',
	steps: [
		{
			id: 'monolith',
			title: 'A monolith: one deployable',
			view: 'monolith',
			narration:
				'Here is a web shop built the classic way. The storefront UI, catalog, cart, checkout, payments and orders are modules of one application, built into one package, running on one server over one shared database.',
			notes: 'Ask who has worked on an application like this, and how many teams committed to it. Misconception to expect: "monolith" means badly written. It only means one deployable; it can be cleanly split into modules inside.',
			highlight: ['mono-app', 'm-db']
		},
		{
			id: 'monolith-request',
			title: 'Checkout inside a monolith: function calls',
			notes: 'Ask: the payments module throws an error halfway through; what happens to the order? (The one transaction rolls back, so nothing is half-done.) Keep the answer for the microservices version later, where no such transaction exists.',
			view: 'monolith',
			narration:
				'When a customer checks out, one HTTP request arrives. From there, the UI module calls checkout, which calls payments and orders, all as ordinary function calls in the same process: nanoseconds each, no network, and one database transaction can cover the whole order.',
			highlight: ['m-ui', 'm-checkout', 'm-payments', 'm-orders', 'm-db'],
			messages: [
				{ from: 'customer', to: 'm-ui', via: 'c-mui', kind: 'data', summary: 'POST /checkout (HTTP)' },
				{ from: 'm-ui', to: 'm-checkout', via: 'mui-checkout', kind: 'request', summary: 'checkout(cart) (in-process call)' },
				{ from: 'm-checkout', to: 'm-payments', via: 'mcheckout-payments', kind: 'request', summary: 'charge(card, 42.00) (in-process call)' },
				{ from: 'm-checkout', to: 'm-orders', via: 'mcheckout-orders', kind: 'request', summary: 'createOrder(cart) (in-process call)' },
				{ from: 'm-orders', to: 'm-db', via: 'morders-db', kind: 'request', summary: 'INSERT order, same transaction as the payment record' },
				{ from: 'm-ui', to: 'customer', via: 'c-mui', kind: 'data', summary: '200: "Thank you for your order"' }
			]
		},
		{
			id: 'benefits',
			title: 'What a monolith makes easy',
			notes: 'Ask the class for a product they know that is (or long was) a monolith and still succeeded. Then ask: which of these three benefits disappears first when the shop is split into services? (End-to-end testing and fast in-process calls.)',
			view: 'monolith',
			narration:
				'Benefits: you can test the whole application end to end (for example with Selenium) because it is all one thing. Deployment means copying one package to a server. And modules call each other directly, which is fast. For a small team and a young product, this is often the right choice.',
			highlight: ['mono-app']
		},
		{
			id: 'redeploy',
			title: 'Challenge: a small change redeploys everything',
			notes: 'Ask how long the class\'s own builds and releases take, and who has to agree to one.',
			view: 'monolith',
			narration:
				'Now the payments team fixes one line. Because everything is one package, the whole application must be rebuilt, retested and redeployed, and every other team\'s unfinished work must be coordinated around the release. As the code grows, changes get slower and riskier, and continuous delivery gets hard.',
			highlight: MODULES,
			badges: redeploy
		},
		{
			id: 'scale',
			checkpoint: {
				question: 'A sales peak needs more checkout capacity in the monolith. What must you run more copies of?',
				kind: 'choice',
				options: [
					{ value: 'Only the checkout module', misconception: 'One module of a monolith can be scaled on its own. It is part of one deployable, so it is copied with everything else.' },
					{ value: 'The whole application' },
					{ value: 'Only the database', misconception: 'More capacity always means a bigger database. Here the checkout code is the bottleneck.' }
				],
				answer: 'The whole application',
				feedback: 'A monolith is one deployable, so a second server runs a copy of everything, catalog and cart included, to get more checkout.'
			},
			title: 'Challenge: to scale checkout, copy the whole shop',
			notes: 'Ask which module needed the capacity, and what else got copied with it.',
			view: 'monolith-scaled',
			narration:
				'A sales peak needs more checkout capacity. The monolith cannot scale one module, so a second server runs a copy of everything, catalog and cart included. Modules with conflicting needs (memory-hungry catalog, CPU-hungry payments) must share each machine, and moving to a new framework or language means rewriting the whole application.',
			highlight: ['mono-copy', 'mono-server-2'],
			messages: [{ from: 'customer', to: 'mono-copy', via: 'c-copy', kind: 'data', summary: 'POST /checkout (sent to the copy by a load balancer)' }]
		},
		{
			id: 'microservices',
			title: 'The same shop as microservices',
			view: 'microservices',
			narration:
				'Now each functional area is its own small service in its own container: UI, catalog, cart, checkout, payments, orders and email. Each owns its data; no service reads another\'s database. Services expose APIs and call each other\'s APIs, and some talk through a message broker instead.',
			notes: 'Ask: why may the order service not simply read the payment service\'s database? (A shared schema would tie both teams\' releases together again.) Misconception to expect: "microservices" means "small". The point is one team and one deployable per functional area.',
			highlight: ['ui', 'catalog', 'cart', 'checkout', 'payments', 'orders', 'email']
		},
		{
			id: 'sync',
			title: 'Checkout as network calls',
			notes: 'Each hop can fail: ask what the UI should show if checkout does not answer.',
			view: 'microservices',
			narration:
				'The same checkout now crosses the network. The UI service calls the checkout service\'s API (POST /checkouts); checkout calls the payment service\'s API and waits for the answer. Each hop is an HTTP request that takes milliseconds and can fail or time out, so callers need timeouts and retries.',
			highlight: ['ui', 'checkout', 'payments'],
			messages: [
				{ from: 'customer', to: 'ui', via: 'c-ui', kind: 'data', summary: 'POST /checkout (HTTP)' },
				{ from: 'ui', to: 'checkout', via: 'ui-checkout', kind: 'request', summary: 'POST /checkouts {cartId: 881} (HTTP over the network)' },
				{ from: 'checkout', to: 'payments', via: 'checkout-payments', kind: 'request', summary: 'POST /charges {amount: 42.00} (synchronous)' },
				{ from: 'payments', to: 'checkout', via: 'checkout-payments', kind: 'response', summary: '201 {chargeId: "ch_19"}' }
			]
		},
		{
			id: 'async',
			checkpoint: {
				question: 'The order is placed. Which part hands the news to the email service?',
				kind: 'component',
				options: [
					{ value: 'broker' },
					{ value: 'checkout', misconception: 'Checkout calls every service that needs to know. It publishes one event and answers at once; it does not know who listens.' },
					{ value: 'orders', misconception: 'The order service passes the news along. Each subscriber gets the event from the broker on its own.' }
				],
				answer: 'broker',
				feedback: 'Checkout publishes one OrderPlaced event; the message broker delivers it to each subscriber when it is ready, so a slow email service delays nobody.'
			},
			title: 'An event, delivered asynchronously',
			notes: 'Ask what happens if the email service is down: the event waits; nobody is blocked.',
			view: 'microservices',
			narration:
				'Checkout does not call the order and email services. It publishes one OrderPlaced event to the broker and answers the UI at once. The order service and the email service each receive the event when they are ready: if the email service is down for a minute, the event simply waits in the queue.',
			highlight: ['checkout', 'broker', 'orders', 'email'],
			messages: [
				{ from: 'checkout', to: 'broker', via: 'checkout-broker', kind: 'event', summary: 'publish OrderPlaced {order 7731}' },
				{ from: 'checkout', to: 'ui', via: 'ui-checkout', kind: 'response', summary: '202 Accepted {order 7731}' },
				{ from: 'broker', to: 'orders', via: 'broker-orders', kind: 'event', summary: 'deliver OrderPlaced' },
				{ from: 'orders', to: 'orders-db', via: 'orders-ordersdb', kind: 'request', summary: 'INSERT order 7731' },
				{ from: 'broker', to: 'email', via: 'broker-email', kind: 'event', summary: 'deliver OrderPlaced (confirmation email)' }
			]
		},
		{
			id: 'independent',
			title: 'Deploy and scale one service alone',
			notes: 'Ask: the UI now has three checkout instances to call; how does it find them? (A load balancer or, on Kubernetes, a Service in front of them: the next part of the course.)',
			view: 'microservices-scaled',
			narration:
				'For the sales peak, only the checkout service gets three instances; the others are untouched. The payments team can deploy a new version of their service on their own schedule, and a team could even rewrite one service in another language without touching the rest.',
			highlight: ['checkout', 'checkout-2', 'checkout-3'],
			badges: { payments: 'v2 deployed alone' },
			messages: [
				{ from: 'ui', to: 'checkout-2', via: 'ui-checkout-2', kind: 'request', summary: 'POST /checkouts (spread across 3 checkout instances)' },
				{ from: 'ui', to: 'checkout-3', via: 'ui-checkout-3', kind: 'request', summary: 'POST /checkouts' }
			]
		},
		{
			id: 'advantages',
			title: 'Advantages of microservices',
			notes: 'Ask: the email service is down; can customers still buy? (Yes: the OrderPlaced event waits in the broker.) Then ask the reverse: the payment service is down; can they? (No: checkout calls it synchronously.) Fault isolation depends on how services talk.',
			view: 'microservices-scaled',
			narration:
				'Advantages: each service is deployed independently, so releases are small and frequent; each scales on its own; each team picks the technology that fits; and faults are isolated, so a failing email service does not stop people buying.',
			highlight: ['checkout', 'checkout-2', 'checkout-3', 'email', 'broker']
		},
		{
			id: 'disadvantages',
			title: 'Disadvantages of microservices',
			view: 'microservices',
			narration:
				'Disadvantages: every call can be slow or fail, so you need timeouts, retries and idempotency. Data is spread out, so an order and its payment can briefly disagree (eventual consistency) and there is no single transaction. And there is far more to run: many deployments, pipelines, logs and traces to follow one request. Small teams often start with a monolith.',
			notes: 'Ask: checkout retried the charge after a 503; what stops the customer being charged twice? (The idempotency key: payments recognises the repeated request.) Misconception to expect: microservices are always faster. Each network hop adds latency.',
			highlight: ['ui', 'checkout', 'payments', 'broker'],
			messages: [
				{ from: 'checkout', to: 'payments', via: 'checkout-payments', kind: 'request', summary: 'POST /charges (attempt 1)' },
				{ from: 'payments', to: 'checkout', via: 'checkout-payments', kind: 'response', summary: '503 Service Unavailable (checkout will retry with the same idempotency key)' }
			]
		},
		{
			id: 'flask',
			title: 'One small service',
			notes: 'If you have Python, run it: flask run, then curl localhost:5000/version.',
			view: 'flask',
			narration:
				'A microservice can be tiny. The deck\'s example is a Flask app with two routes: / answers "hello", and /version reports which version is running, which is handy when several versions are deployed side by side. It is small enough to read in one go and deploy on its own.',
			file: {
				name: 'app.py',
				lines: ['from flask import Flask', 'app = Flask(__name__)', '', '@app.route("/")', 'def hello():', '    return "hello"', '', '@app.route("/version")', 'def version():', '    return {"version": "1.0"}'],
				focus: [4, 5, 6, 8, 9, 10]
			},
			highlight: ['flask'],
			messages: [
				{ from: 'curl', to: 'flask', via: 'curl-flask', kind: 'request', summary: 'GET /' },
				{ from: 'flask', to: 'curl', via: 'curl-flask', kind: 'response', summary: '200 "hello"' },
				{ from: 'curl', to: 'flask', via: 'curl-flask', kind: 'request', summary: 'GET /version' },
				{ from: 'flask', to: 'curl', via: 'curl-flask', kind: 'response', summary: '200 {"version": "1.0"}' }
			]
		},
		{
			id: 'containers',
			title: 'Next: how services are packaged',
			notes: 'Ask: seven services, three of them in several copies: how many separate servers would you want to install and patch by hand? That is the question containers (and later Kubernetes) answer.',
			view: 'flask',
			narration:
				'Each of these services ships as a container image: the code plus exactly the libraries it needs, started the same way on a laptop or in the cloud. Continue with "Physical machines, VMs and containers" to see what a container is, and why it is lighter than a virtual machine.',
			highlight: ['flask-container']
		}
	]
};
