# The CI smoke of bench/smoke-cost.sh for Locust: the same two weighted GET tasks and 1-3 s wait
# as smoke.js beside it. Run headless with -u 10 -r 5 -t 30s.
from locust import HttpUser, between, task


class Smoke(HttpUser):
    wait_time = between(1, 3)

    @task(3)
    def list_items(self):
        with self.client.get("/api/items?page=1&size=10", name="list items", catch_response=True) as r:
            if r.status_code != 200:
                r.failure(f"status {r.status_code}")

    @task(1)
    def get_item(self):
        with self.client.get("/api/items/1", name="get item", catch_response=True) as r:
            if r.status_code != 200:
                r.failure(f"status {r.status_code}")
