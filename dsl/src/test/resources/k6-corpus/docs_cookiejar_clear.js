import http from 'k6/http';

export default function () {
  http.post('http://stand-in.test/api/cookies?one=1&two=2');

  // We'll use QuickPizza's cookie reflection to see what cookies we
  // are actually sending to the server after every change
  let qpResp;
  qpResp = http.get('http://stand-in.test/api/cookies');
  console.log(JSON.stringify(qpResp.json().cookies));
  // Will print '{"one":"1","two":"2"}'

  const jar = http.cookieJar(); // get the VU specific jar
  jar.set('http://stand-in.test/api/cookies', 'three', '3');
  qpResp = http.get('http://stand-in.test/api/cookies');
  console.log(JSON.stringify(qpResp.json().cookies));
  // Will print '{"one":"1","three":"3","two":"2"}'

  jar.delete('http://stand-in.test/api/cookies', 'one');
  qpResp = http.get('http://stand-in.test/api/cookies');
  console.log(JSON.stringify(qpResp.json().cookies));
  // Will print '{"three":"3","two":"2"}'

  jar.clear('http://stand-in.test/api/cookies');
  qpResp = http.get('http://stand-in.test/api/cookies');
  console.log(JSON.stringify(qpResp.json().cookies));
  // Will print '{}'
}
