/** /petitions/<id>: the petition's reading page. */
import { readingRoute } from '../../../features/reading/reading-route';

const route = readingRoute('petition');
export const generateMetadata = route.generateMetadata;
export default route.Page;
