// Every page is prerendered to static HTML; trailing slashes make each page a folder with index.html,
// which every static host (and a SCORM zip) serves without rewrite rules.
export const prerender = true;
export const trailingSlash = 'always';
