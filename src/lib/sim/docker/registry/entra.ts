// Microsoft Entra ID, as far as `az login` needs it: an interactive sign-in gives the Azure CLI an
// access token for the signed-in user (written `entra:<user>` here, so ACR can tell who it is).
import type { Handler } from '../http';

export function entraId(user: string): Handler {
	return (req, ex) => {
		if (req.path.startsWith('/organizations/oauth2/v2.0/token'))
			return ex.reply({ status: 200, body: { access_token: `entra:${user}`, user }, summary: 'access and refresh tokens for the Azure CLI' });
		ex.reply({ status: 404, summary: '404 Not Found' });
	};
}
