import http from 'k6/http';

export default function () {
  http.get('http://stand-in.test');
};
