"""The address the real site is built for in tests. Browser tests map this host to their own local
server (Chromium's --host-resolver-rules), so parallel workers share one build, each with its own
port, while canonical URLs and the sitemap that instant navigation reads match what the browser sees."""

SITE_ORIGIN = "http://curriculum.test"
