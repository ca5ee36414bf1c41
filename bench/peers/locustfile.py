# Locust users for bench/peers/run.sh: one GET of the host's / with a status check, no wait.
# `FastGet` uses geventhttpclient (FastHttpUser), `Get` uses requests (HttpUser).
from locust import FastHttpUser, HttpUser, constant, task


def get_and_check(client):
    with client.get("/", catch_response=True) as r:
        if r.status_code != 200:
            r.failure(f"status {r.status_code}")


class FastGet(FastHttpUser):
    wait_time = constant(0)

    @task
    def get(self):
        get_and_check(self.client)


class Get(HttpUser):
    wait_time = constant(0)

    @task
    def get(self):
        get_and_check(self.client)
