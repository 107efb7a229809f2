// The two engines `bin/engine.js` can start: where each is built, how it is run, how to tell it
// from the other when it answers on a port. Plain ESM JavaScript (Node 20 and 24).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The JVM's major version, or 0 when it cannot be told; null when the binary does not run. */
export function javaMajor(java) {
  const out = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (out.error) return null;
  const m = /version "(\d+)(?:\.(\d+))?/.exec(out.stderr || '');
  if (!m) return 0;
  return m[1] === '1' ? Number(m[2]) : Number(m[1]);
}

/** The newest JDK under /usr/lib/jvm whose folder matches (e.g. temurin-25-jdk-amd64), or null. */
function jdkFromJvmDir(prefix) {
  const jvmDir = '/usr/lib/jvm';
  let names = [];
  try {
    names = fs.readdirSync(jvmDir).filter((n) => n.startsWith(prefix));
  } catch {
    return null;
  }
  const withMajor = names
    .map((n) => ({ home: path.join(jvmDir, n), major: Number(/-(\d+)/.exec(n)?.[1] ?? 0) }))
    .filter((j) => fs.existsSync(path.join(j.home, 'bin', 'java')))
    .sort((a, b) => b.major - a.major);
  return withMajor[0]?.home ?? null;
}

/**
 * Each kind: its Maven project, launcher class, default port and runtime folder, the JDK it runs
 * on, the JVM options of its distribution that matter outside the tarball, and how to recognise
 * it from its answer to `GET /`.
 */
export function engineKinds(root, env) {
  return {
    opensearch: {
      label: 'OpenSearch',
      project: path.join(root, 'engine'),
      sources: ['pom.xml', 'src'],
      mainClass: 'planhub.engine.OpenSearchLauncher',
      defaultPort: 9200,
      defaultDir: path.join(root, '.engine'),
      javaHome: () => env.JAVA_HOME || null,
      minJava: 11,
      jvmOptions: (major) =>
        // OpenSearch 2.x parses dates with the JDK's COMPAT locale data; COMPAT is gone from JDK 23.
        major && major < 21 ? ['-Djava.locale.providers=SPI,COMPAT'] : [],
      isThis: (res) => res.body?.version?.distribution === 'opensearch',
    },
    elasticsearch: {
      label: 'Elasticsearch',
      project: path.join(root, 'engine', 'elasticsearch'),
      sources: ['pom.xml', 'src'],
      mainClass: 'planhub.engine.elasticsearch.ElasticsearchLauncher',
      defaultPort: 9201,
      defaultDir: path.join(root, '.engine-es'),
      // Elasticsearch 9 needs Java 21+; the machine's default is 17, so look for a newer JDK.
      javaHome: () => env.ES_JAVA_HOME || jdkFromJvmDir('temurin-2') || env.JAVA_HOME || null,
      minJava: 21,
      jvmOptions: () => [
        '--enable-native-access=ALL-UNNAMED', // Lucene's and Elasticsearch's calls through java.lang.foreign
        '--add-modules=jdk.incubator.vector', // Lucene's vectorised code paths
      ],
      // Every Elasticsearch response carries this header; OpenSearch sends none.
      isThis: (res) => res.headers?.get('x-elastic-product') === 'Elasticsearch',
    },
  };
}
