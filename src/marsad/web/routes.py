"""Web UI routes."""

from fastapi import APIRouter

router = APIRouter()
