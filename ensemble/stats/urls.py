app_name = "stats"

urlpatterns = []
