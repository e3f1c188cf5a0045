from django.shortcuts import render


def home(request):
    return render(request, "dashboard/home.html")


def toegankelijkheid(request):
    return render(request, "dashboard/toegankelijkheid.html")
