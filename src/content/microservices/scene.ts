import type { Component, Scene } from '$lib/model/types';

// The deck's first module: one e-commerce shop, built as a monolith and as microservices.
// In the monolith the modules call each other in-process (thin lines); between microservices every
// call crosses the network (normal lines), and events go through a broker (dashed).
const modules: Component[] = [
	{ id: 'm-ui', name: 'Storefront UI', kind: 'app', parent: 'mono-app', description: 'Renders the shop\'s pages. In the monolith it is one module of the single deployable.' },
	{ id: 'm-catalog', name: 'Catalog', kind: 'library', parent: 'mono-app', description: 'Products, prices and stock, as a module inside the monolith.' },
	{ id: 'm-cart', name: 'Cart', kind: 'library', parent: 'mono-app', description: "Each shopper's basket, as a module inside the monolith." },
	{ id: 'm-checkout', name: 'Checkout', kind: 'library', parent: 'mono-app', description: 'Turns a cart into an order: takes payment and records the order, by calling the other modules directly.' },
	{ id: 'm-payments', name: 'Payments', kind: 'library', parent: 'mono-app', description: 'Charges the customer, as a module inside the monolith.' },
	{ id: 'm-orders', name: 'Orders', kind: 'library', parent: 'mono-app', description: 'Records orders, as a module inside the monolith.' }
];

const services: Component[] = [
	{ id: 'ui', name: 'UI service', kind: 'container', description: 'The storefront as its own service in its own container. It calls other services\' APIs to build each page.' },
	{ id: 'catalog', name: 'Catalog service', kind: 'container', description: 'Owns products and prices, behind its own API, with its own database.' },
	{ id: 'cart', name: 'Cart service', kind: 'container', description: 'Owns baskets, in a fast key-value store of its own.' },
	{ id: 'checkout', name: 'Checkout service', kind: 'container', description: 'Takes a cart, charges it through the payment service, and publishes an OrderPlaced event.' },
	{ id: 'payments', name: 'Payment service', kind: 'container', description: 'Charges cards through a payment provider; called synchronously by checkout.' },
	{ id: 'orders', name: 'Order service', kind: 'container', description: 'Consumes OrderPlaced events and records orders in its own database.' },
	{ id: 'email', name: 'Email service', kind: 'container', description: 'Consumes OrderPlaced events and sends the confirmation email. Nobody calls it directly.' },
	{ id: 'broker', name: 'Message broker', kind: 'network', description: 'A queue or topic (e.g. RabbitMQ, Kafka, Azure Service Bus) that stores events until each subscriber has taken them, so publishers and consumers need not be up at the same time.' },
	{ id: 'catalog-db', name: 'Catalog DB', kind: 'store', description: "The catalog service's own database. Other services may not read it directly; they call the catalog API." },
	{ id: 'cart-db', name: 'Cart store', kind: 'store', description: "The cart service's own key-value store." },
	{ id: 'orders-db', name: 'Orders DB', kind: 'store', description: "The order service's own database." },
	{ id: 'checkout-2', name: 'Checkout service (copy 2)', kind: 'container', description: 'A second instance of only the checkout service, added for a sales peak.' },
	{ id: 'checkout-3', name: 'Checkout service (copy 3)', kind: 'container', description: 'A third instance of only the checkout service.' }
];

const rows = { customer: 0, 'mono-server': 1, 'mono-server-2': 1, ui: 1, catalog: 2, cart: 2, checkout: 2, 'checkout-2': 2, 'checkout-3': 2, payments: 3, broker: 3, 'catalog-db': 3, 'cart-db': 3, orders: 4, email: 4, 'orders-db': 5 };
const microservices = ['customer', 'ui', 'catalog', 'cart', 'checkout', 'payments', 'broker', 'orders', 'email', 'catalog-db', 'cart-db', 'orders-db'];
const monolith = ['customer', 'm-ui', 'm-catalog', 'm-cart', 'm-checkout', 'm-payments', 'm-orders', 'm-db'];

export const microservicesScene: Scene = {
	id: 'microservices',
	order: 1,
	title: 'Monoliths and microservices',
	summary: 'One e-commerce shop, built as a single deployable and as a set of small services.',
	groups: [
		{ id: 'mono-server', name: 'Server', kind: 'machine', description: 'One server running the whole shop.' },
		{ id: 'mono-app', name: 'shop.war: one deployable', kind: 'boundary', parent: 'mono-server', description: 'The monolith: every module compiled, tested and deployed together as one package.' },
		{ id: 'mono-server-2', name: 'Server 2', kind: 'machine', description: 'A second server added to handle more checkouts. It must run a copy of everything.' },
		{ id: 'flask-container', name: 'Container: version-service', kind: 'container', description: "The deck's small Flask service, packaged as a container." }
	],
	components: [
		{ id: 'customer', name: 'Customer', kind: 'person', description: 'A shopper using the web shop in a browser.' },
		...modules,
		{ id: 'm-db', name: 'Shop database', kind: 'store', parent: 'mono-server', description: 'One database shared by every module: one schema, one transaction can cover everything.' },
		{ id: 'mono-copy', name: 'A copy of the whole shop', kind: 'app', parent: 'mono-server-2', description: 'To scale checkout, the monolith copies all six modules, including ones that need no extra capacity.' },
		...services,
		{ id: 'flask', name: 'app.py (Flask)', kind: 'app', parent: 'flask-container', description: 'A minimal Python web service with two routes: / and /version. Small enough to read in one go, deployed on its own.' },
		{ id: 'curl', name: 'Another service', kind: 'client', description: 'Any client of the version service: a browser, curl, or another microservice.' }
	],
	connections: [
		{ id: 'c-mui', from: 'customer', to: 'm-ui', kind: 'data' },
		{ id: 'mui-catalog', from: 'm-ui', to: 'm-catalog', kind: 'local' },
		{ id: 'mui-cart', from: 'm-ui', to: 'm-cart', kind: 'local' },
		{ id: 'mui-checkout', from: 'm-ui', to: 'm-checkout', kind: 'local' },
		{ id: 'mcheckout-payments', from: 'm-checkout', to: 'm-payments', kind: 'local' },
		{ id: 'mcheckout-orders', from: 'm-checkout', to: 'm-orders', kind: 'local' },
		{ id: 'morders-db', from: 'm-orders', to: 'm-db', kind: 'local' },
		{ id: 'mcatalog-db', from: 'm-catalog', to: 'm-db', kind: 'local' },
		{ id: 'c-copy', from: 'customer', to: 'mono-copy', kind: 'data' },

		{ id: 'c-ui', from: 'customer', to: 'ui', kind: 'data' },
		{ id: 'ui-catalog', from: 'ui', to: 'catalog' },
		{ id: 'ui-cart', from: 'ui', to: 'cart' },
		{ id: 'ui-checkout', from: 'ui', to: 'checkout' },
		{ id: 'ui-checkout-2', from: 'ui', to: 'checkout-2' },
		{ id: 'ui-checkout-3', from: 'ui', to: 'checkout-3' },
		{ id: 'checkout-payments', from: 'checkout', to: 'payments' },
		{ id: 'checkout-broker', from: 'checkout', to: 'broker', kind: 'watch' },
		{ id: 'broker-orders', from: 'broker', to: 'orders', kind: 'watch' },
		{ id: 'broker-email', from: 'broker', to: 'email', kind: 'watch' },
		{ id: 'catalog-catalogdb', from: 'catalog', to: 'catalog-db' },
		{ id: 'cart-cartdb', from: 'cart', to: 'cart-db' },
		{ id: 'orders-ordersdb', from: 'orders', to: 'orders-db' },

		{ id: 'curl-flask', from: 'curl', to: 'flask' }
	],
	views: [
		{ id: 'monolith', name: 'The monolith', components: monolith, partitions: rows },
		{ id: 'monolith-scaled', name: 'The monolith, scaled', components: [...monolith, 'mono-copy'], partitions: rows },
		{ id: 'microservices', name: 'Microservices', components: microservices, partitions: rows },
		{ id: 'microservices-scaled', name: 'Checkout scaled alone', components: [...microservices, 'checkout-2', 'checkout-3'], partitions: rows },
		{ id: 'flask', name: 'One small service', components: ['curl', 'flask'] }
	]
};
