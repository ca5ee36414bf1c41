// Start-up benchmark (bench/startup.sh): one GET, then the run ends.
import http from 'salvo/http';
import { env } from 'salvo';

export default async function () {
  await http.get(env.BASE_URL);
}
