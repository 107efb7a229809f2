/** /credits/<id>: the credit's reading page. */
import { readingRoute } from '../../../features/reading/reading-route';

const route = readingRoute('credit');
export const generateMetadata = route.generateMetadata;
export default route.Page;
