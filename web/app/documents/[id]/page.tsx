/** /documents/<id>: the document's reading page. */
import { readingRoute } from '../../../features/reading/reading-route';

const route = readingRoute('document');
export const generateMetadata = route.generateMetadata;
export default route.Page;
