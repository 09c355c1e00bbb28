/**
 * Entry of the browser app: the policy sandbox (<yiwu-app>, ui/components/app.ts). The page's
 * Content-Security-Policy allows scripts only from this origin (no inline scripts, no eval), so
 * all code lives in files under ui/; zod is told to parse without `new Function` first.
 */
import './zod-setup.ts';
import './components/app.ts';

const root = document.getElementById('app');
if (root) root.replaceChildren(document.createElement('yiwu-app'));
